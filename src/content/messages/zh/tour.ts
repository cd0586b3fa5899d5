/** The presenter's tour and its handout. */
export const zh = {
  tourStart: '导览',
  tourStartLabel: '开始导览（演示模式）',
  tourExit: '退出导览',
  tourPrev: '上一章',
  tourNext: '下一章',
  tourChapters: '章节',
  tourProgress: '第 {n} / {total} 章',
  tourResume: '回到本章视图',
  tourAutoplay: '自动播放',
  tourAutoOff: '关闭',
  tourSeconds: '每 {s} 秒',
  tourFullscreen: '全屏（F）',
  tourHandout: '讲义',
  tourHandoutTitle: '江北区规划导览讲义',
  tourPrint: '打印',
  tourHandoutBusy: '正在生成讲义…',
  tourKeys: '← → 空格 翻页，Home/End 首尾，F 全屏',
  tourFactsOverview: '图中区内现有公园 {park} 处、街头绿园 {garden} 处、休闲空间 {leisure} 处；区外 2 公里内另有 {outside} 处也服务本区居民。',
  tourFactsStandard: '按现有绿地计算：{leisurePct} 的建成区在500米内有休闲空间，{gardenPct} 在1000米内有街头绿园，{parkPct} 在2000米内有公园。',
  tourFactsGaps: '现状缺口共约 {km2} 平方公里，500米覆盖率为 {leisurePct}，距90%还差 {short} 个百分点。',
  tourFactsGapsMet: '现状500米覆盖率为 {leisurePct}，已超过90%。',
  tourFactsSuggest:
    '按现有数据，规划工具的选址分析给出 {suggestN} 处口袋公园候选点（{suggestLetters}）：合计可让 {suggestM} 米内有休闲空间的建成区增加约 {suggestKm2} 平方公里，覆盖率提高约 {suggestPp} 个百分点。',
  tourSuggestNote: '字母圆圈是由数据算出的候选点，不是规划确定的选址。',
  tourSuggestFailed: '未能计算建议地点：{error}',
  tourLegendSuggestions: '推荐候选点（虚线圈：服务范围）',
  tourHandoutPage: '第 {n} / {total} 页',
  tourHandoutCaveatRadius:
    '请注意：片区、核心与滨水带是示意范围，不是测绘界线；绿地与建成区来自 OpenStreetMap 等公开数据，均为近似；服务范围与覆盖率按直线距离计算，不考虑江河阻隔。',
  tourHandoutCaveatWalk:
    '请注意：片区、核心与滨水带是示意范围，不是测绘界线；绿地与建成区来自 OpenStreetMap 等公开数据，均为近似；服务范围与覆盖率按直线距离计算，过江只经桥梁，没有街道路网。',
} as const;
