// Firefox ESR with the built dist/firefox add-on: the Binance and Bybit stories (exchanges-scenarios.ts).
import { launchFirefox } from '../../scripts/browsers.mjs';
import { exchangeScenarios } from './exchanges-scenarios';

exchangeScenarios({ name: 'Firefox', launch: () => launchFirefox({ headless: true }) });
