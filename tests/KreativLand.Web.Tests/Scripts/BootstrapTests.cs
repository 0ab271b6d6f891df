using System.Diagnostics;
using KreativLand.Web.Tests.Infrastructure;

namespace KreativLand.Web.Tests.Scripts;

/// <summary>scripts/bootstrap.sh, which ./run.sh and ./test.sh share, on its own.</summary>
public class BootstrapTests
{
    [Fact]
    public async Task Two_checkouts_installing_the_same_missing_package_at_once_take_turns_and_install_it_once()
    {
        // A stand-in for apt-get on PATH: it logs each install and "installs" the package by creating its check file, after a
        // while, as the real one does. Without turns both bootstraps would call apt-get, and the real one would refuse the
        // second for its lock.
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("scripts/bootstrap.sh is a Debian script");
        var scratch = Directory.CreateTempSubdirectory("kl-bootstrap-").FullName;
        try
        {
            var log = Path.Combine(scratch, "apt.log");
            var installed = Path.Combine(scratch, "installed");
            var fakeApt = Path.Combine(scratch, "apt-get");
            await File.WriteAllTextAsync(fakeApt, $$"""
                #!/bin/bash
                case " $* " in
                  *" install "*) echo install >> '{{log}}'; sleep 1; touch '{{installed}}' ;;
                esac
                """);
            File.SetUnixFileMode(fakeApt, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

            var bootstraps = Enumerable.Range(0, 2).Select(_ => RunAsync(scratch,
                $"KL_ROOT='{SourceTree.Root}'; . '{SourceTree.Root}/scripts/bootstrap.sh'; install_missing 'kl-fake-package:{installed}'")).ToList();
            var results = await Task.WhenAll(bootstraps);

            foreach (var (exitCode, output) in results) Assert.True(exitCode == 0, output);
            Assert.Equal(["install"], await File.ReadAllLinesAsync(log));
            Assert.True(File.Exists(installed));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string pathFirst, string commands)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(commands);
        start.Environment["PATH"] = $"{pathFirst}:{Environment.GetEnvironmentVariable("PATH")}";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
