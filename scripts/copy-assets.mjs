// tsc copies no static files: the citizen form's assets and the router's lexicon
// and seed examples, and insight's theme lexicon, go beside the built code.
import { cpSync } from 'node:fs';
cpSync('apps/api/public', 'dist/apps/api/public', { recursive: true });
cpSync('libs/routing/src/lexicon', 'dist/libs/routing/src/lexicon', { recursive: true });
cpSync('libs/insight/src/themes/lexicon', 'dist/libs/insight/src/themes/lexicon', { recursive: true });
