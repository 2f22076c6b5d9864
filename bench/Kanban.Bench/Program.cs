using Kanban.Bench;

return await Cli.RunAsync(args);
