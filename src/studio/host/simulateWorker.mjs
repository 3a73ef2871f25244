// Worker thread entry for preview simulations: loads the TypeScript worker through tsx, as the CLI does.
import { register } from 'tsx/esm/api';

register();
await import('./simulateWorker.ts');
