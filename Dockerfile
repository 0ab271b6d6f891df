# syntax=docker/dockerfile:1
# KreativLand as a container image: built with the .NET SDK, run on the ASP.NET Core runtime.
#   docker build -t kreativland .
#   docker run -e ConnectionStrings__KreativLand=… -p 127.0.0.1:5080:8080 kreativland           # migrate, seed, serve
#   docker run -e ConnectionStrings__KreativLand=… kreativland migrate | seed | import FILE
# docker-compose.yml wires it to a PostGIS container; see README.md.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore on its own layer: it is only redone when the project file changes.
COPY src/KreativLand.Web/KreativLand.Web.csproj src/KreativLand.Web/
RUN dotnet restore src/KreativLand.Web/KreativLand.Web.csproj
COPY src/KreativLand.Web/ src/KreativLand.Web/
# The publish output holds everything the app reads at run time: wwwroot, the resources and SampleData/ next to the dll.
RUN dotnet publish src/KreativLand.Web/KreativLand.Web.csproj -c Release --no-restore -o /app \
    && test -f /app/SampleData/cooperations.json

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY --chmod=0755 scripts/docker-entrypoint.sh /usr/local/bin/kreativland
ENV ASPNETCORE_HTTP_PORTS=8080
# Uploaded images (docs/deployment.md "Uploaded images"): a volume, shared by all instances, owned by the app's user.
ENV Media__Directory=/var/lib/kreativland/media
RUN mkdir -p /var/lib/kreativland/media && chown $APP_UID /var/lib/kreativland/media
VOLUME /var/lib/kreativland/media
EXPOSE 8080
# The image's unprivileged user (APP_UID is set by the .NET base images).
USER $APP_UID
ENTRYPOINT ["kreativland"]
CMD ["serve"]
