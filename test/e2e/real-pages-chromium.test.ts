// Chromium with the built dist/chrome extension: the pages as the evidence shows them (real-pages-scenarios.ts).
import { launchChromium } from '../../scripts/browsers.mjs';
import { realPageScenarios } from './real-pages-scenarios';

realPageScenarios({ name: 'Chromium', launch: () => launchChromium({ headless: true }) });
