// A process that stays alive until its stdin closes: a live process whose pid a test can use.
process.stdout.write('ready\n');
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
