/** `npm run build:page`: writes the prebuilt render page a packaged desktop app exports with (see pageBundle.ts). */
import path from 'node:path';
import { PACKAGE_ROOT } from '../packageRoot.js';
import { writePrebuiltPage } from './pageBundle.js';

const file = await writePrebuiltPage();
console.log(`wrote ${path.relative(PACKAGE_ROOT, file)}`);
