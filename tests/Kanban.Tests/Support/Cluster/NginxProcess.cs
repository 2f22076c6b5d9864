using System.Text.RegularExpressions;

namespace Kanban.Tests.Support.Cluster;

/// <summary>
/// nginx running deploy/nginx.conf itself, with only what a test machine needs changed: the
/// servers' addresses, the listen address, and files in the test's folder.
/// </summary>
public sealed class NginxProcess(string directory) : IDisposable
{
    private ChildProcess? _process;

    public int Port { get; } = ChildProcess.FreePort();
    public Uri Address => new($"http://127.0.0.1:{Port}");

    public async Task StartAsync(IReadOnlyList<NodeProcess> nodes)
    {
        var temp = Directory.CreateDirectory(Path.Combine(directory, "nginx"));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(temp.FullName, (UnixFileMode)0b111_111_111); // workers run as another user
        var config = File.ReadAllText(NodeProcess.DeployFile("nginx.conf"));
        for (var i = 0; i < nodes.Count; i++)
            config = config.Replace($"server{i + 1}:8080", $"127.0.0.1:{nodes[i].Port}");
        config = Regex.Replace(config, @"listen 80;", $"listen 127.0.0.1:{Port};");
        config = $"daemon off;\npid {temp.FullName}/nginx.pid;\nerror_log {temp.FullName}/error.log warn;\n" + config;
        config = config.Replace("http {\n", $$"""
            http {
                log_format routed '$msec worker=$pid $request_method $uri cookie=$cookie_kanban_node '
                                  'upstream=$upstream_addr status=$status upstream_status=$upstream_status';
                access_log {{temp.FullName}}/access.log routed;
                client_body_temp_path {{temp.FullName}}/client_body;
                proxy_temp_path {{temp.FullName}}/proxy;
                fastcgi_temp_path {{temp.FullName}}/fastcgi;
                uwsgi_temp_path {{temp.FullName}}/uwsgi;
                scgi_temp_path {{temp.FullName}}/scgi;

            """);
        Assert.DoesNotContain("server1:8080", config);
        var path = Path.Combine(temp.FullName, "nginx.conf");
        File.WriteAllText(path, config);
        _process = ChildProcess.Start(File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx", ["-c", path, "-p", temp.FullName + "/", "-e", temp.FullName + "/error.log"],
            Path.Combine(directory, "nginx.log"));
        await ChildProcess.WaitForPortAsync(Port, TimeSpan.FromSeconds(10), _process);
    }

    public void Dispose() => _process?.Dispose();
}
