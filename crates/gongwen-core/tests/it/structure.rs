//! The 成效 / 问题 / 打算 structure: the verdict on each seed as a reader
//! sees it (seed 004 has no plans; seed 002's plans are its closing
//! paragraph), parts found by headings and by cue sentences, and each flag
//! raised where it should be and not elsewhere.

use gongwen_core::analyze_report;
use gongwen_core::structure::{PartKind, Structure, StructureFlag, analyze_structure};

use crate::seeds::analyze_seed;
use crate::segmenter;

fn structure_of(text: &str) -> Structure {
    let analysis = analyze_report("s.txt", text.as_bytes(), segmenter()).expect("reads");
    analyze_structure(&analysis.cleaned, &analysis.outline)
}

fn kinds(structure: &Structure) -> Vec<PartKind> {
    structure.parts.iter().map(|p| p.part).collect()
}

/// A seed's verdict: its parts, its flags, and the line its plans start on.
type Verdict<'a> = (&'a str, &'a [PartKind], &'a [StructureFlag], Option<u32>);

#[test]
fn each_seed_gets_the_verdict_a_reader_gives() {
    use PartKind::{Achievements, Plans, Problems};
    use StructureFlag::{NoPlans, NoProblems, ProblemsGeneric, ProblemsTooShort};
    let cases: &[Verdict] = &[
        // 二、下一步工作打算 opens with one sentence admitting 提升空间.
        ("000", &[Achievements, Problems, Plans], &[ProblemsTooShort, ProblemsGeneric], Some(6)),
        ("001", &[Achievements, Plans], &[NoProblems], Some(6)),
        // The plans are the closing paragraph (line 15), after one sentence of 差距.
        ("002", &[Achievements, Problems, Plans], &[ProblemsTooShort, ProblemsGeneric], Some(15)),
        ("003", &[Achievements, Problems, Plans], &[ProblemsTooShort, ProblemsGeneric], Some(7)),
        ("004", &[Achievements], &[NoProblems, NoPlans], None),
    ];
    for (seed, parts, flags, plans_line) in cases {
        let analysis = analyze_seed(seed);
        let structure = analyze_structure(&analysis.cleaned, &analysis.outline);
        assert_eq!(kinds(&structure), *parts, "seed {seed}");
        assert_eq!(structure.flags, *flags, "seed {seed}");
        let plans = structure.parts.iter().find(|p| p.part == PartKind::Plans).map(|p| p.line);
        assert_eq!(plans, *plans_line, "seed {seed}: where the plans start");
        let share: f64 = structure.parts.iter().map(|p| p.share).sum();
        assert!(share <= 1.001, "seed {seed}: shares {share}");
    }
}

#[test]
fn headed_parts_and_concrete_problems_raise_no_flag() {
    let structure = structure_of(
        "一、主要工作成效\n全年召开党组会12次，完成重点任务8项。\n\
         二、存在的问题\n一是基层党支部“三会一课”记录不规范，3个支部未按月开展主题党日。\
         二是年轻干部培养不够，35岁以下干部仅占12%。三是项目审批平均用时仍比全省多2天。\n\
         三、下一步打算\n一是规范支部组织生活。二是加大年轻干部选拔力度。\n",
    );
    assert_eq!(kinds(&structure), vec![PartKind::Achievements, PartKind::Problems, PartKind::Plans]);
    assert_eq!(structure.flags, Vec::new());
}

#[test]
fn a_problems_and_plans_heading_is_split_where_the_plans_open() {
    let structure = structure_of(
        "一、履职情况\n全年走访企业60余家。\n\
         二、存在的不足和今后努力方向\n一是调查研究不够深入，二是抓落实的办法不多。\
         今后，我将进一步加强学习，改进作风，推动各项工作落地见效。\n",
    );
    assert_eq!(kinds(&structure), vec![PartKind::Achievements, PartKind::Problems, PartKind::Plans]);
    assert!(!structure.flags.contains(&StructureFlag::NoPlans));
}

#[test]
fn plans_that_repeat_the_achievements_headings_are_flagged() {
    let structure = structure_of(
        "一、工作成效\n（一）扎实开展主题教育活动\n召开会议3次。\n（二）持续加强基层组织建设\n新建支部2个。\n\
         二、存在的问题\n部分支部活动开展不规范，2个支部全年未换届。党员教育管理不够严格，有3名党员未按时交纳党费。\n\
         三、下一步打算\n（一）扎实开展主题教育活动\n继续做好学习。\n（二）持续加强基层组织建设\n继续建强支部。\n",
    );
    assert!(structure.flags.contains(&StructureFlag::PlansRepeatAchievements), "{:?}", structure.flags);
    assert!(!structure.flags.contains(&StructureFlag::ProblemsGeneric));
}
