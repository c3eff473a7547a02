// Line icons for the store's departments, drawn on a 24-unit grid. The
// department is recognised by a word of its slug; anything else gets a tag.

const icons = {
  basket: 'M3 10h18l-2 10H5L3 10Zm4 0 4-6m6 6-4-6M9 14v3m6-3v3',
  fridge: 'M6 3h12v18H6zM6 10h12M9 6v2m0 5v3',
  laptop: 'M5 5h14v10H5zM2 19h20l-2-4H4z',
  phone:
    'M8 2h8a1 1 0 0 1 1 1v18a1 1 0 0 1-1 1H8a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1Zm3 17h2',
  tv: 'M3 5h18v12H3zM8 21h8m-4-4v4',
  headphones: 'M4 15v-3a8 8 0 0 1 16 0v3M4 15h3v5H4zm13 0h3v5h-3z',
  camera: 'M3 7h4l2-3h6l2 3h4v13H3zM12 17a4 4 0 1 0 0-8 4 4 0 0 0 0 8Z',
  gamepad:
    'M6 8h12a4 4 0 0 1 4 4v2a3 3 0 0 1-5 2l-2-2H9l-2 2a3 3 0 0 1-5-2v-2a4 4 0 0 1 4-4Zm1 3v4m-2-2h4m7-1h.01M17 14h.01',
  music:
    'M9 18V5l11-2v13M9 18a3 3 0 1 1-6 0 3 3 0 0 1 6 0Zm11-2a3 3 0 1 1-6 0 3 3 0 0 1 6 0Z',
  home: 'M3 11 12 3l9 8v10H3zM9 21v-6h6v6',
  car: 'M5 16h14v-4l-2-5H7l-2 5zM5 16v3m14-3v3M5 12h14M8 14h.01M16 14h.01',
  heart: 'M12 20s-8-5-8-11a4.5 4.5 0 0 1 8-3 4.5 4.5 0 0 1 8 3c0 6-8 11-8 11Z',
  toy: 'M12 3l2.5 5.5L20 9l-4 4 1 6-5-3-5 3 1-6-4-4 5.5-.5z',
  film: 'M4 4h16v16H4zM8 4v16M16 4v16M4 8h4m-4 4h4m-4 4h4m8-8h4m-4 4h4m-4 4h4',
  tag: 'M3 12V3h9l9 9-9 9zM7.5 7.5h.01',
} as const;

export type IconName = keyof typeof icons;

const keywords: [RegExp, IconName][] = [
  [/supermercado|almacen|alimento|bebida|lacteo|limpieza|perfumeria/, 'basket'],
  [/electrodomestico|refrigera|lavado|cocina/, 'fridge'],
  [/computacion|tablet|notebook|computador/, 'laptop'],
  [/celular|telefon/, 'phone'],
  [/tv|television|home-theater/, 'tv'],
  [/audio|audifono|parlante/, 'headphones'],
  [/videojuego|consola|gaming/, 'gamepad'],
  [/camara|video|foto/, 'camera'],
  [/instrumento|musical/, 'music'],
  [/hogar|oficina|menaje/, 'home'],
  [/auto|gps/, 'car'],
  [/salud|fitness|belleza/, 'heart'],
  [/juguete|juego|drone/, 'toy'],
  [/pelicula|musica/, 'film'],
];

/** The icon for a category, recognised by its slug. */
export function iconFor(slug: string | undefined): IconName {
  const s = slug ?? '';
  return keywords.find(([re]) => re.test(s))?.[1] ?? 'tag';
}

/** The SVG path of an icon, for drawings that embed it. */
export function iconPath(name: IconName): string {
  return icons[name];
}
