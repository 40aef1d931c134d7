import * as assert from 'node:assert/strict';
import { rebinds, storedNames, unboundNames } from '../../src/model/read/notebookScope';

const magic = (text: string, start = 0) => ({ start, end: start + text.length, text });

describe('notebook scope (read/notebookScope)', () => {
  it('a name used only as a receiver, in strings, comments and f-strings is unbound; any binding form binds it', () => {
    const code = 'predictor.delete_model()\n# predictor = old\ns = "predictor = x"\nf"{predictor}"\nt = """\npredictor = y\n"""\npredictor.delete_endpoint()\n';
    assert.equal(unboundNames(code, [])('predictor'), true);
    for (const binding of ['predictor = est.deploy()', 'for predictor in preds: pass', 'def f(predictor): pass', 'with x as predictor: pass', 'from m import predictor', 'a, predictor = pair', 'predictor: Predictor = p', 'obj.predictor.delete_endpoint() or predictor']) {
      assert.equal(unboundNames(`${code}${binding}\n`, [])('predictor'), false, binding);
    }
    assert.equal(unboundNames(`x.predictor = 1\n${code}`, [])('predictor'), true, 'an attribute of the same name binds nothing');
  });

  it('magics and dynamic code that may bind any name', () => {
    const code = 'predictor.delete_endpoint()\n';
    assert.equal(unboundNames(code, [magic('%store -r predictor')])('predictor'), false);
    assert.equal(unboundNames(code, [magic('%store -r other')])('predictor'), true);
    assert.equal(unboundNames(code, [magic('%store -r')])('predictor'), false);
    assert.equal(unboundNames(code, [magic('%run ./setup.ipynb')])('predictor'), false);
    assert.equal(unboundNames(code, [magic('%store predictor')])('predictor'), true, 'storing reads the name, it does not bind it');
    assert.equal(unboundNames(`from helpers import *\n${code}`, [])('predictor'), false);
    assert.equal(unboundNames(`globals()["predictor"] = p\n${code}`, [])('predictor'), false);
  });

  it('%store keeps names; its options and a write to a file do not', () => {
    assert.deepEqual(storedNames([magic('%store endpoint_name', 5), magic('%store a b  # both', 40)]), [{ name: 'endpoint_name', at: 5 }, { name: 'a', at: 40 }, { name: 'b', at: 40 }]);
    assert.deepEqual(storedNames([magic('%store -r endpoint_name'), magic('%store -d endpoint_name'), magic('%store -z'), magic('%store endpoint_name >name.txt'), magic('%store'), magic('%storex y')]), []);
  });

  it('rebinds: an assignment, an annotated one, a loop target, a walrus; not a comparison or another name', () => {
    assert.equal(rebinds('x = 1\nname = "b"\n', 'name', 0, 20), true);
    assert.equal(rebinds('name: str = "b"', 'name', 0, 20), true);
    assert.equal(rebinds('for name in names: pass', 'name', 0, 30), true);
    assert.equal(rebinds('if (name := nxt()): pass', 'name', 0, 30), true);
    assert.equal(rebinds('ok = name == "b"\nendpoint_name = 1\nname2 = 3\n', 'name', 0, 60), false);
  });
});
