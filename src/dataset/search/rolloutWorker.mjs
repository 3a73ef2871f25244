// Worker thread entry for search rollouts: loads the TypeScript worker through tsx, as the CLI does.
import { register } from 'tsx/esm/api';

register();
await import('./rolloutWorker.ts');
