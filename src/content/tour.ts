/**
 * The guided tour, chapter by chapter: content a presenter or planner edits, not code.
 * Each chapter sets the camera, the layer groups shown, the feature highlighted, a caption
 * in Chinese and English (our own words, from the plan's facts) and its own legend.
 * A unit test checks every camera against the highlighted feature's geometry.
 * Figures are never written into a caption: `facts` names message templates that the page
 * fills from the analysis and the layers as they are (src/state/tour-facts.ts).
 */
import type { GroupId, SourceId } from './layer-groups';
import type { MessageKey } from './messages';

/** A legend entry with a caption: a layer group, or the suggested sites the chapter draws. */
type TourLegend = GroupId | 'suggestions';

interface TourCamera {
  center: [number, number];
  zoom: number;
  pitch: number;
  bearing: number;
}

export interface TourChapter {
  id: string;
  camera: TourCamera;
  layers: GroupId[];
  highlight?: { source: Extract<SourceId, 'zones' | 'cores' | 'belt' | 'greenspaces'>; id: string };
  /** Legend entries shown with the caption, in order. */
  legend: TourLegend[];
  title: { zh: string; en: string };
  caption: { zh: string; en: string };
  /** Templates of figures added to the caption: the first whose figures are all known. */
  facts?: MessageKey[];
  /**
   * Draws this many suggested pocket-park sites, lettered, with their catchments: what the
   * planner's suggestion analysis picks over the shipped data (leisure tier), never placed by hand.
   */
  suggest?: number;
}

/**
 * A zone is a schematic outline placed from descriptions, ±0.5–2 km (each zone's source says):
 * framed at a zoom that shows that much around it (rivers, stations, real parks, landmarks),
 * never at street level.
 */
const ZONE_ZOOM = 12.6;

/** Layers whose outlines are schematic: a chapter highlighting one says so on screen. */
export const SCHEMATIC_SOURCES: readonly string[] = ['zones', 'cores', 'belt'];

/** What every chapter shows around its subject, so the map reads as Chongqing. */
const CONTEXT: GroupId[] = ['neighbours', 'rivers', 'railways', 'bridges'];

export const TOUR: TourChapter[] = [
  {
    id: 'overview',
    camera: { center: [106.67, 29.615], zoom: 10.6, pitch: 0, bearing: 0 },
    layers: [...CONTEXT, 'zones', 'belt', 'cores', 'greenspaces'],
    legend: ['belt', 'cores', 'zones', 'greenspaces'],
    title: { zh: '江北区：两江交汇处的北岸', en: 'Jiangbei: the north bank where two rivers meet' },
    caption: {
      zh: '江北区位于长江以北、嘉陵江以东，面积约221平方公里，西端的江北嘴正对两江交汇处。规划用“一带双核五片区”来组织全区的发展。',
      en: 'Jiangbei lies north of the Yangtze and east of the Jialing, about 221 km², with Jiangbeizui at its western tip facing the confluence. The plan organises the district as one belt, two cores and five zones.',
    },
    facts: ['tourFactsOverview'],
  },
  {
    id: 'belt',
    camera: { center: [106.575, 29.59], zoom: 11.8, pitch: 30, bearing: -10 },
    layers: [...CONTEXT, 'belt'],
    highlight: { source: 'belt', id: 'liangjiang-sian' },
    legend: ['belt', 'rivers', 'bridges'],
    title: { zh: '一带：两江四岸滨水带', en: 'One belt: the waterfront of the two rivers' },
    caption: {
      zh: '沿嘉陵江、长江的江北岸线整治提升，并向东、西延伸北滨路，连成一条展示城市风貌的国际化滨水带。',
      en: 'The banks along the Jialing and the Yangtze are cleaned up and upgraded, and Beibin Road is extended east and west, joining them into an international waterfront that shows off the city.',
    },
  },
  {
    id: 'core-guanyinqiao',
    camera: { center: [106.5299, 29.5703], zoom: 14, pitch: 40, bearing: 0 },
    layers: [...CONTEXT, 'cores', 'greenspaces', 'stations', 'landmarks'],
    highlight: { source: 'cores', id: 'guanyinqiao' },
    legend: ['cores', 'greenspaces', 'landmarks'],
    title: { zh: '双核之一：观音桥商圈', en: 'First core: Guanyinqiao business district' },
    caption: {
      zh: '观音桥商圈将扩容提质，成为重庆建设国际消费中心城市的核心窗口；这里也是国家级夜间文化和旅游消费集聚区。',
      en: 'The Guanyinqiao shopping district is to grow and improve, becoming the main showcase of Chongqing as an international consumption centre; it is also a national night-time culture and tourism cluster.',
    },
  },
  {
    id: 'core-jiangbeizui',
    camera: { center: [106.5692, 29.5769], zoom: 14, pitch: 40, bearing: 20 },
    layers: [...CONTEXT, 'cores', 'greenspaces', 'stations', 'landmarks'],
    highlight: { source: 'cores', id: 'jiangbeizui' },
    legend: ['cores', 'greenspaces', 'landmarks'],
    title: { zh: '双核之二：江北嘴', en: 'Second core: Jiangbeizui' },
    caption: {
      zh: '以西部金融广场、金融大数据中心和江北嘴国际金融中心为支撑，江北嘴是西部金融中心的核心枢纽。',
      en: 'Anchored by the Western Finance Plaza, the financial big-data centre and the Jiangbeizui international finance centre, Jiangbeizui is to be the pivot of the Western China Finance Centre.',
    },
  },
  {
    id: 'zone-nanqiaosi',
    camera: { center: [106.47, 29.6], zoom: ZONE_ZOOM, pitch: 0, bearing: 0 },
    layers: [...CONTEXT, 'zones', 'greenspaces', 'stations', 'landmarks'],
    highlight: { source: 'zones', id: 'nanqiaosi' },
    legend: ['zones', 'greenspaces'],
    title: { zh: '南桥寺片区', en: 'Nanqiaosi zone' },
    caption: {
      zh: '规划在此建设数字经济产业园，为江北的数字经济提供落脚空间。',
      en: 'Planned as a digital-economy industrial park, giving Jiangbei’s digital economy room to grow.',
    },
  },
  {
    id: 'zone-changan-no3',
    camera: { center: [106.5545, 29.5798], zoom: ZONE_ZOOM, pitch: 0, bearing: 0 },
    layers: [...CONTEXT, 'zones', 'greenspaces', 'landmarks', 'stations'],
    highlight: { source: 'zones', id: 'changan-no3' },
    legend: ['zones', 'landmarks'],
    title: { zh: '长安三工厂片区', en: 'Changan No.3 Factory zone' },
    caption: {
      zh: '老厂区将变为长安文化国际商业街，把工业记忆留在新的街区里。',
      en: 'The old factory grounds are to become the Changan culture international commercial street, keeping the industrial memory in a new quarter.',
    },
  },
  {
    id: 'zone-gangcheng-tanggui',
    camera: { center: [106.6427, 29.6112], zoom: ZONE_ZOOM, pitch: 0, bearing: 0 },
    layers: [...CONTEXT, 'zones', 'greenspaces', 'landmarks', 'stations'],
    highlight: { source: 'zones', id: 'gangcheng-tanggui' },
    legend: ['zones', 'greenspaces'],
    title: { zh: '港城唐桂片区', en: 'Gangcheng–Tanggui zone' },
    caption: {
      zh: '这里要建成产城融合示范区：工厂、住宅与服务设施相互交织，而不是彼此隔开。',
      en: 'To become a demonstration area where industry and city merge: factories, homes and services woven together rather than kept apart.',
    },
  },
  {
    id: 'zone-wangjiang',
    camera: { center: [106.686, 29.5793], zoom: ZONE_ZOOM, pitch: 30, bearing: 0 },
    layers: [...CONTEXT, 'zones', 'greenspaces', 'stations', 'landmarks'],
    highlight: { source: 'zones', id: 'wangjiang' },
    legend: ['zones', 'greenspaces'],
    title: { zh: '望江片区', en: 'Wangjiang zone' },
    caption: {
      zh: '依托军工遗存，打造集文化、旅游与生态于一体的“军工文旅生态谷”。',
      en: 'Building on its military-industry heritage, a valley that combines culture, tourism and ecology.',
    },
  },
  {
    id: 'zone-wubao',
    camera: { center: [106.8621, 29.6452], zoom: ZONE_ZOOM, pitch: 0, bearing: 0 },
    layers: [...CONTEXT, 'zones', 'greenspaces', 'stations', 'landmarks'],
    highlight: { source: 'zones', id: 'wubao' },
    legend: ['zones'],
    title: { zh: '五宝片区', en: 'Wubao zone' },
    caption: {
      zh: '在东部的五宝，规划一座引领潮流的国际时尚运动城。',
      en: 'In Wubao, in the east, the plan sees a trend-setting international city of fashion and sport.',
    },
  },
  {
    id: 'green-standard',
    // South-west of the district's middle, so Guanyinqiao (where the rings overlap most) is in frame above the caption.
    camera: { center: [106.585, 29.588], zoom: 11.6, pitch: 0, bearing: 0 },
    layers: [...CONTEXT, 'rings-park', 'rings-garden', 'rings-leisure', 'greenspaces'],
    legend: ['rings-leisure', 'rings-garden', 'rings-park', 'greenspaces'],
    title: { zh: '绿地标准：500、1000、2000米', en: 'The green standard: 500, 1000, 2000 m' },
    caption: {
      zh: '规划希望人人都能做到：500米内有一处休闲空间，1000米内有一处街头绿园，2000米内有一座公园。图中色块就是现有绿地按这三个距离服务到的范围。',
      en: 'The plan wants everyone to have a leisure space within 500 m, a street garden within 1000 m and a park within 2000 m. The shaded areas are what today’s green spaces reach at those three distances.',
    },
    facts: ['tourFactsStandard'],
  },
  {
    id: 'gaps',
    camera: { center: [106.58, 29.595], zoom: 12.2, pitch: 0, bearing: 0 },
    layers: [...CONTEXT, 'builtup', 'rings-leisure', 'gaps', 'greenspaces'],
    legend: ['gaps', 'rings-leisure', 'builtup'],
    title: { zh: '缺口在哪里', en: 'Where the gaps are' },
    caption: {
      zh: '橙色是500米内没有任何休闲空间的建成区。国家标准要求居住用地500米覆盖率超过90%，这些地方就是差距所在。',
      en: 'Orange marks built-up land with no leisure space within 500 m. The national standard asks for more than 90 % of residential land within 500 m; these are the places that fall short.',
    },
    facts: ['tourFactsGaps', 'tourFactsGapsMet'],
  },
  {
    id: 'closing-gaps',
    // Wide enough for every suggested site and its catchment (Guanyinqiao's and those to the north-east), above the caption.
    camera: { center: [106.582, 29.603], zoom: 11.55, pitch: 0, bearing: 0 },
    layers: [...CONTEXT, 'builtup', 'rings-leisure', 'gaps', 'greenspaces', 'landmarks'],
    legend: ['suggestions', 'gaps', 'greenspaces'],
    title: { zh: '如何补上缺口', en: 'What closing them takes' },
    caption: {
      zh: '缺口多在密集的老城区，大公园难以插入，口袋公园和小广场就是答案。重庆2024年一年就建成62个口袋公园，选址正是服务半径覆盖不足的地方。',
      en: 'Most gaps lie in dense older neighbourhoods where no big park fits; pocket parks and small squares do (Chongqing built 62 pocket parks in 2024 alone, where coverage fell short).',
    },
    facts: ['tourFactsSuggest'],
    suggest: 5,
  },
  {
    id: 'summary',
    camera: { center: [106.67, 29.615], zoom: 10.6, pitch: 0, bearing: 0 },
    layers: [...CONTEXT, 'zones', 'belt', 'cores', 'rings-leisure', 'greenspaces'],
    legend: ['belt', 'cores', 'zones', 'rings-leisure'],
    title: { zh: '小结', en: 'In short' },
    caption: {
      zh: '一条滨水带串起两个核心和五个片区；绿地标准则让每个街区都能就近见绿。覆盖面板里的数字，可以逐片区检验规划离这一目标还有多远。',
      en: 'A waterfront belt ties together two cores and five zones; the green standard brings green space within reach of every neighbourhood. The coverage panel shows, zone by zone, how far the plan still has to go.',
    },
  },
];
