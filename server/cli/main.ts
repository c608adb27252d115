console.error('chatflow: the CLI is being built');
process.exitCode = 2;
