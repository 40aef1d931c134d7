import * as assert from 'node:assert/strict';
import { PythonFunctions } from '../../src/model/read/pythonFunctions';

/** The offset of the first `needle` in `text` at or after `from`. */
function at(text: string, needle: string, from = 0): number {
  const offset = text.indexOf(needle, from);
  assert.notEqual(offset, -1, `${needle} is in the text`);
  return offset;
}

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

describe('PythonFunctions: the functions of a Python text by indentation', () => {
  const module = [
    'import boto3',
    'sm = boto3.client("sagemaker")',
    '',
    '',
    'def cleanup(name):',
    '    """Delete the endpoint."""',
    '',
    '    # first the endpoint',
    '    sm.delete_endpoint(EndpointName=name)',
    '    for config in configs(name):',
    '',
    '        sm.delete_endpoint_config(EndpointConfigName=config)',
    '',
    '    def inner():',
    '        sm.delete_model(ModelName=name)',
    '    inner()',
    '',
    '',
    'class Endpoint:',
    '    def close(self):',
    '        sm.delete_endpoint(EndpointName=self.name)',
    '',
    'sm.list_endpoints()',
    '',
  ].join('\n');

  for (const [label, text] of [['LF', module], ['CRLF', crlf(module)], ['lone CR', module.replace(/\n/g, '\r')]] as const) {
    it(`${label}: the innermost def holds an offset, past blank and comment lines`, () => {
      const functions = new PythonFunctions(text);
      assert.deepEqual(functions.enclosing(at(text, 'sm.delete_endpoint(')), { name: 'cleanup', lineStart: at(text, 'def cleanup') });
      assert.equal(functions.enclosing(at(text, 'sm.delete_endpoint_config'))?.name, 'cleanup');
      assert.equal(functions.enclosing(at(text, 'sm.delete_model'))?.name, 'inner');
      assert.equal(functions.enclosing(at(text, 'inner()', at(text, 'sm.delete_model')))?.name, 'cleanup');
      assert.equal(functions.enclosing(at(text, 'sm.delete_endpoint(EndpointName=self'))?.name, 'close');
      assert.equal(functions.enclosing(at(text, 'sm.list_endpoints')), undefined);
      assert.equal(functions.enclosing(at(text, 'boto3.client')), undefined);
    });

    it(`${label}: the top-level def holding an offset (none for a class's method)`, () => {
      const functions = new PythonFunctions(text);
      assert.deepEqual(functions.topLevel(at(text, 'sm.delete_endpoint_config')), { name: 'cleanup', lineStart: at(text, 'def cleanup') });
      assert.equal(functions.topLevel(at(text, 'sm.delete_model'))?.name, 'cleanup');
      assert.equal(functions.topLevel(at(text, 'sm.delete_endpoint(EndpointName=self')), undefined);
      assert.equal(functions.topLevel(at(text, 'sm.list_endpoints')), undefined);
    });

    it(`${label}: a function's text runs from its def line over its blank lines to the last line under it`, () => {
      const functions = new PythonFunctions(text);
      const body = functions.enclosingText(at(text, 'sm.delete_endpoint('));
      const eol = label === 'LF' ? '\n' : label === 'CRLF' ? '\r\n' : '\r';
      // Up to the break before the next code (`class Endpoint:`): the blank lines before it stay in.
      assert.equal(body, text.slice(at(text, 'def cleanup'), at(text, 'class Endpoint') - 1));
      assert.ok(body?.includes(`    inner()${eol}`), 'the body reaches its last line');
      assert.equal(functions.enclosingText(at(text, 'sm.list_endpoints')), undefined);
    });
  }

  it('where the code of a function runs: the latest place the file names it, through its callers, never from comments or strings', () => {
    const text = [
      'def delete(p):',
      '    p.delete_endpoint()',
      '',
      'def teardown(p):',
      '    delete(p)',
      '',
      'def unused(p):',
      '    p.delete_endpoint()',
      '',
      'def loop():',
      '    loop()',
      '    p.delete_endpoint()',
      '',
      'print("unused(p)")  # unused(p)',
      'delete_all(p)',
      'teardown(p)',
      'x = 1',
      '',
    ].join('\n');
    const functions = new PythonFunctions(text);
    assert.equal(functions.lastRunAt(at(text, 'x = 1')), at(text, 'x = 1'), 'top-level code runs where it is');
    assert.equal(functions.lastRunAt(at(text, 'p.delete_endpoint')), at(text, 'teardown(p)\nx'), 'delete runs where teardown is called');
    assert.equal(functions.lastRunAt(at(text, 'p.delete_endpoint', at(text, 'def unused'))), -1, 'named only in a string and a comment');
    assert.equal(functions.lastRunAt(at(text, 'p.delete_endpoint', at(text, 'def loop'))), -1, 'a function that only calls itself never runs');
  });

  it('a caller a few levels up is followed; further up, the function counts as never run', () => {
    const chain = (levels: number) => {
      const lines = ['def f0():', '    p.delete_endpoint()'];
      for (let i = 1; i < levels; i++) lines.push(`def f${i}():`, `    f${i - 1}()`);
      lines.push(`f${levels - 1}()`, '');
      return lines.join('\n');
    };
    const near = chain(4);
    assert.equal(new PythonFunctions(near).lastRunAt(at(near, 'p.delete')), at(near, 'f3()\n'));
    const far = chain(6);
    assert.equal(new PythonFunctions(far).lastRunAt(at(far, 'p.delete')), -1);
  });
});
