// jest's own runner, told to run its files one at a time in the main process:
// the project that uses it never runs a file beside another (see jest.config.js).
import TestRunner from 'jest-runner';

export default class SerialRunner extends TestRunner {
  get isSerial() {
    return true;
  }
}
