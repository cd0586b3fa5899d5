/** The Data tab, the info card, OpenStreetMap attribution and the inventory. */
export const zh = {
  confidence_high: '高',
  confidence_medium: '中',
  confidence_low: '低',
  cardSchematic: '示意范围，非精确界线',
  // ODbL's attribution, kept in its legal English form in both languages (the online basemap credits the same words)
  osmCredit: '绿地、体育场地、河流、桥梁、车站与轨道线路取自 OpenStreetMap（经 Geofabrik 提取，数据截至 {date}），© OpenStreetMap 贡献者。',
  osmLicence: '许可：{licence}（开放数据库许可）；由其派生的图层同样以 ODbL 提供。',
  osmPlain: '地图数据 © OpenStreetMap contributors（OpenStreetMap 贡献者；Geofabrik 提取，截至 {date}），{licence} 许可',
  aboutOsmObjects: 'OpenStreetMap（{n} 个要素，各注明其 OSM 编号）',
  aboutMoreSources: '另有 {n} 条来源说明（见各要素的 source）',
  inventoryTitle: '区内绿地数量',
  inventoryLine: '公园 {park} 处、街头绿园 {garden} 处、休闲空间 {leisure} 处（按面积分级）。',
  inventoryOutside: '另有 {n} 处位于区外 2 公里内，服务本区居民，图上以虚线框标出，未计入以上数量。',
  inventoryUnnamed: '其中 {n} 处在 OpenStreetMap 中没有名称，以描述代替。',
  inventorySports: '体育场地：区内 {n} 处（区外另有 {outside} 处）。',
} as const;
