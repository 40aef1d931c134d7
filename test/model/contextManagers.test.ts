import * as assert from 'node:assert/strict';
import { exitTeardown, isWithItem, setsFlags, withStatementsOf } from '../../src/model/read/contextManagers';
import { PythonFunctions } from '../../src/model/read/pythonFunctions';

/** A module with one context-manager class whose `__exit__` holds `exit` (indented 8). */
const withExit = (exit: string, init = 'def __init__(self, name, auto_delete=False, keep: bool = True):') =>
  `class Scope:\n    ${init}\n        self.name = name\n        self.auto_delete = auto_delete\n        self.keep = keep\n\n    def __exit__(self, *exc):\n${exit}`;
const teardownIn = (text: string) => exitTeardown(new PythonFunctions(text), text.indexOf('sm.delete_endpoint'));

describe('context managers that delete an endpoint when their with block ends', () => {
  it('reads the constructor flags guarding the delete: position, default, and negation', () => {
    const teardown = teardownIn(withExit('        if self.auto_delete and not self.keep and self.live:\n            sm.delete_endpoint(EndpointName=self.name)\n'));
    assert.deepEqual(teardown, {
      className: 'Scope',
      flags: [
        { param: 'auto_delete', index: 1, fallback: false, want: true },
        { param: 'keep', index: 2, fallback: true, want: false },
      ],
    });
    const given = (values: Record<string, boolean | 'other'>) => setsFlags(teardown!, (param) => values[param]);
    assert.equal(given({ auto_delete: true, keep: false }), true);
    assert.equal(given({ auto_delete: true }), false, 'keep is True by default');
    assert.equal(given({ auto_delete: 'other', keep: false }), false, 'a flag from a variable is not known to be set');
  });

  it('an unguarded delete, or one under try/with/for, needs no flag', () => {
    assert.deepEqual(teardownIn(withExit('        try:\n            sm.delete_endpoint(EndpointName=self.name)\n        except Exception:\n            pass\n'))?.flags, []);
  });

  it('a delete the call cannot settle is no teardown: in else or except, or under a flag read with or', () => {
    assert.equal(teardownIn(withExit('        if exc:\n            pass\n        else:\n            sm.delete_endpoint(EndpointName=self.name)\n')), undefined);
    assert.equal(teardownIn(withExit('        try:\n            pass\n        except Exception:\n            sm.delete_endpoint(EndpointName=self.name)\n')), undefined);
    assert.equal(teardownIn(withExit('        if self.auto_delete or self.keep:\n            sm.delete_endpoint(EndpointName=self.name)\n')), undefined);
  });

  it('only an __exit__ of a top-level class counts', () => {
    const method = 'class Scope:\n    def close(self):\n        sm.delete_endpoint(EndpointName=self.name)\n';
    assert.equal(teardownIn(method), undefined);
    const nested = 'def make():\n    class Scope:\n        def __exit__(self, *exc):\n            sm.delete_endpoint(EndpointName=self.name)\n';
    assert.equal(teardownIn(nested), undefined);
  });

  it("reads a with statement's arguments as written: literal flags, anything else unknown", () => {
    const text = 'with Scope(ep, True) as s:\n    pass\nwith Scope(ep, auto_delete=False):\n    pass\nwith Scope(names[0], auto_delete=True):\n    pass\nx = Scope(ep, True)\n';
    const sites = withStatementsOf(text, 'Scope');
    assert.deepEqual(sites.map((s) => text.slice(s.start, s.start + 5)), ['Scope', 'Scope', 'Scope']);
    assert.deepEqual(sites.map((s) => s.argument('auto_delete', 1)), [true, false, 'other']);
    assert.deepEqual(sites.map((s) => s.argument('keep', 2)), [undefined, undefined, 'other']);
  });

  it('finds the call a with statement opens on, whatever ends the lines (a lone CR too)', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['x = 1', '    with Scope(ep, True) as s:', '        s.call()', 'y = Scope(ep)'].join(eol);
      const at = (needle: string) => ({ start: text.indexOf(needle) });
      assert.equal(isWithItem(text, at('Scope(ep, True)')), true, JSON.stringify(eol));
      assert.equal(isWithItem(text, at('s.call()')), false, JSON.stringify(eol));
      assert.equal(isWithItem(text, at('Scope(ep)')), false, JSON.stringify(eol));
    }
  });
});
