// Opens a vault in a separate process and holds it until stdin closes: a real second process
// for the lock tests. Prints "ready" once the vault is open.
import { closeVault, openVault } from '../core/vault/session';

const vault = await openVault(process.argv[2]!, { app: 'hold-vault test helper' });
process.stdout.write('ready\n');
process.stdin.resume();
process.stdin.on('end', () => {
  closeVault(vault);
  process.exit(0);
});
