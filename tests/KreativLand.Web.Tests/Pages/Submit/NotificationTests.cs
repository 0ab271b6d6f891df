using System.Net;
using System.Net.Sockets;
using System.Text;
using KreativLand.Web.Infrastructure;
using KreativLand.Web.Tests.Infrastructure;

namespace KreativLand.Web.Tests.Pages.Submit;

/// <summary>A minimal SMTP server on 127.0.0.1 that keeps the messages it receives.</summary>
public sealed class FakeSmtpServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    public List<string> Messages { get; } = [];
    public int Port { get; }

    public FakeSmtpServer()
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stop.Token); }
            catch (OperationCanceledException) { return; }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 fake ESMTP");
        while (await reader.ReadLineAsync() is { } line)
        {
            var command = line.Split(' ')[0].ToUpperInvariant();
            if (command == "DATA")
            {
                await writer.WriteLineAsync("354 go ahead");
                var data = new StringBuilder();
                while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".") data.AppendLine(dataLine);
                lock (Messages) Messages.Add(data.ToString());
                await writer.WriteLineAsync("250 queued");
            }
            else if (command == "QUIT") { await writer.WriteLineAsync("221 bye"); return; }
            else await writer.WriteLineAsync("250 ok");
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
    }
}

public class NotificationWebFixture : BasicDataWebFixture
{
    public FakeSmtpServer Smtp { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Submission:MinimumFillSeconds"] = "0",
        ["Notifications:SmtpHost"] = "127.0.0.1",
        ["Notifications:SmtpPort"] = Smtp.Port.ToString(),
        ["Notifications:From"] = "kreativland@example.org",
        ["Notifications:To"] = "redaktion@example.org",
        ["Notifications:SiteUrl"] = "https://kreativland.example",
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp.Dispose();
    }
}

public class NotificationTests(NotificationWebFixture site) : IClassFixture<NotificationWebFixture>
{
    [Fact]
    public async Task A_new_submission_is_mailed_to_the_configured_curators()
    {
        using var response = await site.CreateClient().SubmitFormAsync("/submit", "#submission-form", SubmissionTests.Proposal("Mit Benachrichtigung"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var message = MimeKit.MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(Assert.Single(site.Smtp.Messages))));
        Assert.Equal("redaktion@example.org", message.To.Mailboxes.Single().Address);
        var text = message.TextBody;
        Assert.Contains("Mit Benachrichtigung", text);
        Assert.Contains("Görlitz (DE)", text);
        Assert.Contains("https://kreativland.example/admin/cooperations/edit/", text);
    }

    [Fact]
    public void Notifications_are_off_without_an_smtp_host() => Assert.False(new NotificationOptions().Enabled);
}
