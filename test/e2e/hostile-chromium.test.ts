// Chromium with the built dist/chrome extension: a hostile page (hostile-scenarios.ts).
import { launchChromium } from '../../scripts/browsers.mjs';
import { hostileScenarios } from './hostile-scenarios';

hostileScenarios({ name: 'Chromium', launch: () => launchChromium({ headless: true }) });
