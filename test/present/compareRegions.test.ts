import * as assert from 'node:assert/strict';
import { comparePriceNote, compareRegions } from '../../src/present/compareRegions';

describe('compare regions', () => {
  it('sorts the regions by carbon for an instance type, with $/h and kgCO2e/h', () => {
    const choices = compareRegions('ml.m5.xlarge')!;
    assert.ok(choices.length > 20, `${choices.length} regions`);
    for (let i = 1; i < choices.length; i++) assert.ok((choices[i - 1].totalKgCo2ePerHour ?? 0) <= (choices[i].totalKgCo2ePerHour ?? 0));
    // docs/estimates.md: eu-north-1 0.002076, us-east-1 0.008838, ap-southeast-2 0.01580 kgCO2e/h.
    const at = (code: string): number => choices.findIndex((c) => c.region === code);
    assert.ok(at('eu-north-1') < at('us-east-1') && at('us-east-1') < at('ap-southeast-2'));
    const stockholm = choices[at('eu-north-1')];
    // Only us-east-1 has a bundled price of its own: no other row repeats it as if it were that region's.
    assert.equal(stockholm.description, '0.00208 kgCO2e/h');
    assert.equal(stockholm.costUsdPerHour, null);
    assert.match(stockholm.detail, /grid 8\.8 gCO2e\/kWh \(ccf\)/);
    assert.equal(choices[at('us-east-1')].description, '0.00884 kgCO2e/h · $0.23/h');
    assert.deepEqual(choices.filter((c) => c.description.includes('$')).map((c) => c.region), ['us-east-1']);
    // The one price, with its region, is said once for the whole list.
    assert.equal(comparePriceNote('ml.m5.xlarge', choices), `${choices.length - 1} of ${choices.length} regions show no price: none bundled for them ($0.23/h is the bundled SageMaker hosting price, us-east-1; other regions usually cost more).`);
  });

  it('is undefined for an unknown instance type', () => {
    assert.equal(compareRegions('ml.nope.xlarge'), undefined);
  });
});
