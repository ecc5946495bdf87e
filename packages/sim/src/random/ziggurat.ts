/**
 * Standard normal draws by the ziggurat method (Marsaglia and Tsang, "The Ziggurat Method for
 * Generating Random Variables", J. Stat. Softw. 5(8), 2000), with Doornik's correction ("An
 * Improved Ziggurat Method to Generate Normal Random Samples", 2005): the layer index and the
 * value come from separate bits, so they are independent.
 *
 * The density's right half is covered by 128 layers of equal area V: a base strip (a rectangle of
 * width R plus the tail beyond R) and 127 rectangles. A draw picks a layer and a uniform point
 * across it; inside the part of the rectangle that lies under the curve (99 % of draws) the
 * point's abscissa is the draw, from one 32-bit uniform and two table reads. Otherwise the point
 * is tested against the curve itself, or, in the base strip, the tail is drawn by Marsaglia's
 * method. Every draw follows the normal law exactly; only the uniform's resolution (25 bits for
 * the value) bounds it, far below any latency that matters.
 */

/** Layers, and the right edge of the base rectangle and each layer's area (the 2000 paper's constants for 128 layers). */
const LAYERS = 128;
const R = 3.442619855899;
const V = 9.91256303526217e-3;

/** X[i]: right edge of layer i (X[0] is the base strip's width V/f(R), X[LAYERS] = 0); RATIO[i] = X[i+1]/X[i]. */
const X = new Float64Array(LAYERS + 1);
const RATIO = new Float64Array(LAYERS);
{
  let f = Math.exp(-0.5 * R * R);
  X[0] = V / f;
  X[1] = R;
  for (let i = 2; i < LAYERS; i++) {
    X[i] = Math.sqrt(-2 * Math.log(V / X[i - 1]! + f));
    f = Math.exp(-0.5 * X[i]! * X[i]!);
  }
  X[LAYERS] = 0;
  for (let i = 0; i < LAYERS; i++) RATIO[i] = X[i + 1]! / X[i]!;
}

const TWO_POW_32 = 4294967296;
/** The 25 bits above the layer index, as a uniform on (−1, 1): 2·(k + ½)/2^25 − 1. */
const VALUE_SCALE = 2 / 33554432;

/** One standard normal draw from `next`, a source of uniforms on [0, 1) with 32 bits of resolution. */
export function zigguratNormal(next: () => number): number {
  // A whole number below 2^32: its low 7 bits pick the layer, the 25 above give the value.
  const bits = next() * TWO_POW_32;
  const layer = bits & (LAYERS - 1);
  const u = ((bits >>> 7) + 0.5) * VALUE_SCALE - 1;
  if (Math.abs(u) < RATIO[layer]!) return u * X[layer]!;
  return outsideRectangle(next, layer, u);
}

/**
 * Fills `out` with `shift + scale·z` (or its exponential, for a lognormal) for standard normal
 * draws z, one `zigguratNormal` each. The common case is spelled out here so that the loop keeps
 * its doubles unboxed: a draw returned from a call that is not inlined is a new heap number.
 */
export function fillNormal(out: Float64Array, next: () => number, shift: number, scale: number, exponential: boolean): void {
  for (let i = 0; i < out.length; i++) {
    const bits = next() * TWO_POW_32;
    const layer = bits & (LAYERS - 1);
    const u = ((bits >>> 7) + 0.5) * VALUE_SCALE - 1;
    const z = Math.abs(u) < RATIO[layer]! ? u * X[layer]! : outsideRectangle(next, layer, u);
    const x = shift + scale * z;
    out[i] = exponential ? Math.exp(x) : x;
  }
}

/** A draw whose first point fell outside its layer's rectangle under the curve: the wedge test, or the tail, then draws again as needed. */
function outsideRectangle(next: () => number, layer: number, u: number): number {
  for (;;) {
    if (layer === 0) return tail(next, u < 0);
    // Between the rectangle under the curve and the layer's edge: accept under the curve.
    const x = u * X[layer]!;
    const x2 = x * x;
    const above = Math.exp(-0.5 * (X[layer]! * X[layer]! - x2));
    const below = Math.exp(-0.5 * (X[layer + 1]! * X[layer + 1]! - x2));
    if (below + (1 - next()) * (above - below) < 1) return x;
    const bits = next() * TWO_POW_32;
    layer = bits & (LAYERS - 1);
    u = ((bits >>> 7) + 0.5) * VALUE_SCALE - 1;
    if (Math.abs(u) < RATIO[layer]!) return u * X[layer]!;
  }
}

/** A draw from the tail beyond R (Marsaglia, 1964), on the side `negative` says. */
function tail(next: () => number, negative: boolean): number {
  for (;;) {
    // 1 − next() is in (0, 1]: the logarithms are finite.
    const x = Math.log(1 - next()) / R;
    const y = Math.log(1 - next());
    if (-2 * y >= x * x) return negative ? x - R : R - x;
  }
}
