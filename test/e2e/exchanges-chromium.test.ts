// Chromium with the built dist/chrome extension: the Binance and Bybit stories (exchanges-scenarios.ts).
import { launchChromium } from '../../scripts/browsers.mjs';
import { exchangeScenarios } from './exchanges-scenarios';

exchangeScenarios({ name: 'Chromium', launch: () => launchChromium({ headless: true }) });
