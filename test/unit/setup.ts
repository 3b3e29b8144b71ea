import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getEnglishMessage } from '../support/i18n-shim';

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = getEnglishMessage as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en';
});
