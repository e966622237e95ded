// Firefox ESR with the built dist/firefox add-on: a hostile page (hostile-scenarios.ts).
import { launchFirefox } from '../../scripts/browsers.mjs';
import { hostileScenarios } from './hostile-scenarios';

hostileScenarios({ name: 'Firefox', launch: () => launchFirefox({ headless: true }) });
