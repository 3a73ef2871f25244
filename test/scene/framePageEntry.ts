/** Page entry of the frame timer: the project's scene builder under the name 'current'. */
import { buildScene } from '../../src/scene/buildScene.js';
import { installFrameTimer } from './framePage.js';

installFrameTimer({ current: buildScene });
