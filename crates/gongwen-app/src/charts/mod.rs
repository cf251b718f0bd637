//! Charts: the ECharts binding, a generic chart component, and the option
//! builders for each chart of the page.

pub mod chart;
pub mod chart_text;
pub mod dark_scheme;
pub mod echarts;
pub mod section_shares;
pub mod similarity_graph;
pub mod similarity_heatmap;
pub mod theme_radar;
pub mod word_bars;
pub mod word_cloud;
