// Debian's chromium through chromedriver, headless, for the CI's browser checks.
'use strict';
const { Builder } = require('selenium-webdriver');
const chrome = require('selenium-webdriver/chrome');

module.exports.chromium = function chromium(windowSize) {
  const options = new chrome.Options()
    .setChromeBinaryPath('/usr/bin/chromium')
    .addArguments('--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', `--window-size=${windowSize}`);
  return new Builder()
    .forBrowser('chrome')
    .setChromeOptions(options)
    .setChromeService(new chrome.ServiceBuilder('/usr/bin/chromedriver'))
    .build();
};
