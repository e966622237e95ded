// Firefox ESR with the built dist/firefox add-on: the pages as the evidence shows them (real-pages-scenarios.ts).
import { launchFirefox } from '../../scripts/browsers.mjs';
import { realPageScenarios } from './real-pages-scenarios';

realPageScenarios({ name: 'Firefox', launch: () => launchFirefox({ headless: true }) });
