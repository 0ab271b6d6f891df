#!/bin/sh
# Entry point of the KreativLand container image (see Dockerfile).
#   serve (default)  apply migrations, load the sample data into an empty database, then serve on port 8080
#   migrate          apply migrations only
#   seed             load the sample data if the database has no listings yet
#   import FILE      import a file in the JSON import format (the file must be inside the container)
#   add-user EMAIL --role admin|curator   create a curator-area account (password from KL_PASSWORD, or run with -it to be asked)
# The database comes from ConnectionStrings__KreativLand.
set -e
cd /app
if [ $# -eq 0 ] || [ "$1" = serve ]; then
    [ $# -gt 0 ] && shift
    dotnet KreativLand.Web.dll migrate
    dotnet KreativLand.Web.dll seed
    exec dotnet KreativLand.Web.dll "$@"
fi
exec dotnet KreativLand.Web.dll "$@"
