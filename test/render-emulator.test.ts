import { resolveTransform, setPath } from './helpers/render';

/**
 * The offline render's transforms behave as function-patch-and-transform's transforms.go does
 * (read from its source): these pin the behaviours the composition relies on.
 */
describe('offline render: transforms as patch-and-transform resolves them', () => {
  test('convert float64 to string writes plain decimals (strconv.FormatFloat f, -1), never an exponent', () => {
    const toString = { type: 'convert', convert: { toType: 'string' } };
    expect(resolveTransform(toString, 100000)).toBe('100000');
    expect(resolveTransform(toString, 1000000)).toBe('1000000');
    expect(resolveTransform(toString, 0.5)).toBe('0.5');
  });

  test('map takes only string input and fails on a missing key', () => {
    const map = { type: 'map', map: { prod: 'Orphan', dev: 'Delete' } };
    expect(resolveTransform(map, 'prod')).toBe('Orphan');
    expect(() => resolveTransform(map, 'qa')).toThrow('key qa is not found in map');
    expect(() => resolveTransform(map, 3)).toThrow('type number is not supported');
  });

  test('match tries patterns in order, needs a string input, and falls back to the fallback value', () => {
    const match = { type: 'match', match: { patterns: [{ type: 'regexp', regexp: '^[0-9]{1,4}$', result: 'small' }, { type: 'literal', literal: '10000', result: 'exact' }], fallbackValue: 'big' } };
    expect(resolveTransform(match, '42')).toBe('small');
    expect(resolveTransform(match, '10000')).toBe('exact');
    expect(resolveTransform(match, '123456')).toBe('big');
    expect(() => resolveTransform(match, 42)).toThrow("unsupported input type 'number'");
    expect(() => resolveTransform({ type: 'match', match: { patterns: [{ type: 'Literal', literal: 'x' }] } }, 'x')).toThrow("unsupported pattern type 'Literal'");
  });

  test('string Format is Go fmt.Sprintf on the value as the function holds it', () => {
    expect(resolveTransform({ type: 'string', string: { type: 'Format', fmt: 'ap-vpc-%s' } }, 'dev')).toBe('ap-vpc-dev');
    expect(resolveTransform({ type: 'string', string: { type: 'Format', fmt: '%d' } }, 7)).toBe('%!d(float64=7)');
  });

  test('setPath creates maps, arrays and bracketed keys on the way', () => {
    const o: any = {};
    setPath(o, 'metadata.annotations[crossplane.io/external-name]', 'ap-aurora-dev');
    setPath(o, 'spec.forProvider.userGroupIds[0]', 'ap-redis-dev');
    expect(o).toEqual({ metadata: { annotations: { 'crossplane.io/external-name': 'ap-aurora-dev' } }, spec: { forProvider: { userGroupIds: ['ap-redis-dev'] } } });
  });
});
