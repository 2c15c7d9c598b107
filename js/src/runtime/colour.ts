/**
 * oklch() colours as the bare HSL channels older shadcn/ui themes keep in their tokens
 * (`--primary: 222 47% 11%`, read as `hsl(var(--primary))`), so one palette serves both forms.
 */

const OKLCH = /^oklch\(\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*(?:\/\s*([\d.]+)(%?))?\s*\)$/;

const round = (value: number, places: number): number => {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
};

/** sRGB channels (0-1, clipped to the gamut) of an oklch colour. */
function oklchToRgb(lightness: number, chroma: number, hue: number): [number, number, number] {
  const angle = (hue * Math.PI) / 180;
  const a = chroma * Math.cos(angle);
  const b = chroma * Math.sin(angle);
  const l = (lightness + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (lightness - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (lightness - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const linear = [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s,
  ];
  const [r, g, bl] = linear.map((channel) => {
    const x = Math.min(1, Math.max(0, channel));
    return x <= 0.0031308 ? 12.92 * x : 1.055 * x ** (1 / 2.4) - 0.055;
  });
  return [r, g, bl];
}

function rgbToHsl(r: number, g: number, b: number): [number, number, number] {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const lightness = (max + min) / 2;
  if (max === min) return [0, 0, lightness];
  const d = max - min;
  const saturation = lightness > 0.5 ? d / (2 - max - min) : d / (max + min);
  let hue: number;
  if (max === r) hue = (g - b) / d + (g < b ? 6 : 0);
  else if (max === g) hue = (b - r) / d + 2;
  else hue = (r - g) / d + 4;
  return [hue * 60, saturation, lightness];
}

/** `oklch(0.62 0.19 257 / 50%)` -> `213.9 91.2% 56.5% / 0.5`; null for anything else. */
export function oklchToHslChannels(colour: string): string | null {
  const match = OKLCH.exec(colour.trim());
  if (!match) return null;
  const [h, s, l] = rgbToHsl(...oklchToRgb(Number(match[1]), Number(match[2]), Number(match[3])));
  const channels = `${round(h, 1)} ${round(s * 100, 1)}% ${round(l * 100, 1)}%`;
  if (match[4] === undefined) return channels;
  const alpha = Number(match[4]) / (match[5] === "%" ? 100 : 1);
  return `${channels} / ${round(alpha, 3)}`;
}

/** Whether code reads the tokens as HSL channels (`hsl(var(--chart-1))`), as shadcn/ui's older themes did. */
export function readsHslTokens(code: string): boolean {
  return /\bhsla?\(\s*var\(\s*--/.test(code);
}
