import { WHOLE, areaField, buildAreas, emptyArea, mapAreaErrors } from './indicatorForm';

describe('the indicator form\'s areas', () => {
  it('sends only areas with a baseline or target, with Dutch numbers read', () => {
    const { request, keys, errors } = buildAreas({
      [WHOLE]: emptyArea(),
      ermelo: { ...emptyArea(), baselineYear: '2019', baselineValue: '930', targetYear: '2024', targetValue: '800' },
      putten: { ...emptyArea(), baselineYear: '2019', baselineValue: '7,7', targetYear: '2024', targetHalf: 'H2', targetComparator: '>=', targetValue: '7,7' },
    });
    expect(errors).toEqual({});
    expect(keys).toEqual(['ermelo', 'putten']);
    expect(request).toEqual([
      { municipalityId: 'ermelo', baseline: { period: '2019', value: 930 }, target: { period: '2024', comparator: '<=', value: 800 } },
      { municipalityId: 'putten', baseline: { period: '2019', value: 7.7 }, target: { period: '2024-H2', comparator: '>=', value: 7.7 } },
    ]);
  });

  it('finds a missing year or a value that is no number before sending', () => {
    const { errors } = buildAreas({ ermelo: { ...emptyArea(), baselineValue: 'veel' } });
    expect(errors).toEqual({
      [areaField('ermelo', 'baselineYear')]: 'Vul het jaar van de uitgangswaarde in.',
      [areaField('ermelo', 'baselineValue')]: 'Vul de uitgangswaarde in als getal, zoals 930 of 7,7.',
    });
  });

  it('maps the API\'s invalidParams of the request\'s areas back to the form\'s fields', () => {
    expect(
      mapAreaErrors(
        {
          'areas[1].target.period': 'ligt voor de uitgangswaarde',
          'areas[0].baseline': 'hoort bij een streefwaarde',
          'areas[1].municipalityId': 'komt twee keer voor',
          name: 'vul dit in',
        },
        ['ermelo', 'putten'],
      ),
    ).toEqual({
      [areaField('putten', 'targetYear')]: 'ligt voor de uitgangswaarde',
      [areaField('ermelo', 'baselineValue')]: 'hoort bij een streefwaarde',
      [areaField('putten', 'baselineValue')]: 'komt twee keer voor',
      name: 'vul dit in',
    });
  });
});
