// Firefox ESR with the built dist/firefox add-on (temporary install over WebDriver BiDi). Firefox does not let a
// test navigate to moz-extension:// pages, so the popup is covered in Chromium and by the dom tests.
import { launchFirefox } from '../../scripts/browsers.mjs';
import { okxScenarios } from './okx-scenarios';

okxScenarios({ name: 'Firefox', launch: () => launchFirefox({ headless: true }) });
