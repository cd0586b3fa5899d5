/** Every string the UI shows, per language. Components look strings up; none are inlined. */
export const MESSAGES = {
  zh: {
    title: '江北绿地地图',
    subtitle: '一带双核五片区 · 500米见休闲空间、1000米见街头绿园、2000米见公园',
    loading: '正在加载地图数据…',
    loadFailed: '地图数据加载失败：',
    retry: '重试',
    mapLabel: '江北区地图',
    langSwitch: 'English',
    langSwitchLabel: '切换到英文',
  },
  en: {
    title: 'Jiangbei Green Map',
    subtitle: 'One belt, two cores, five zones · leisure space within 500 m, street garden within 1 km, park within 2 km',
    loading: 'Loading map data…',
    loadFailed: 'Map data could not be loaded: ',
    retry: 'Retry',
    mapLabel: 'Map of Jiangbei District',
    langSwitch: '中文',
    langSwitchLabel: 'Switch to Chinese',
  },
} as const;

export type Lang = keyof typeof MESSAGES;
export type MessageKey = keyof (typeof MESSAGES)['zh'];

export function t(lang: Lang, key: MessageKey): string {
  return MESSAGES[lang][key];
}
