// A brief worker that starts, takes the request and dies, as a worker hit by a bug in
// native code or by its memory limit would.
import { serveTasks } from '../../main/workers/serve.ts';

serveTasks(() => process.exit(7));
