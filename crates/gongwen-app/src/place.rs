//! Where the reviewer is — the overview, a report, two reports side by side
//! or against last year, and the view beside — as the URL's fragment, so
//! that the browser's back and forward buttons walk back through the
//! selections (`hooks/use_history.rs`). Reports are named by their position
//! in the list (1, 2, …), never by name or content: the fragment carries
//! nothing of the files. Plain data.

/// A place in the page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Place {
    /// The open report's position in the list (from 0), or none: the overview.
    pub report: Option<usize>,
    /// Two reports read side by side (left, right).
    pub pair: Option<(usize, usize)>,
    /// A report against an earlier year's (later, earlier).
    pub years: Option<(usize, usize)>,
    /// The view beside, by its id (`keyness`, `lint` …).
    pub view: String,
}

impl Place {
    /// The fragment, without `#`: `r=3&v=lint`, `p=1,4&v=compare`,
    /// `v=structure` (the overview); positions count from 1.
    pub fn fragment(&self) -> String {
        let mut parts = Vec::new();
        if let Some(report) = self.report {
            parts.push(format!("r={}", report + 1));
        }
        if let Some((a, b)) = self.pair {
            parts.push(format!("p={},{}", a + 1, b + 1));
        }
        if let Some((a, b)) = self.years {
            parts.push(format!("y={},{}", a + 1, b + 1));
        }
        if !self.view.is_empty() {
            parts.push(format!("v={}", self.view));
        }
        parts.join("&")
    }

    /// The place a fragment (with or without `#`) names; what it cannot
    /// read is left out.
    pub fn parse(fragment: &str) -> Self {
        let position = |text: &str| text.parse::<usize>().ok().and_then(|n| n.checked_sub(1));
        let two = |text: &str| {
            let (a, b) = text.split_once(',')?;
            Some((position(a)?, position(b)?))
        };
        let mut place = Place::default();
        for part in fragment.trim_start_matches('#').split('&') {
            match part.split_once('=') {
                Some(("r", value)) => place.report = position(value),
                Some(("p", value)) => place.pair = two(value),
                Some(("y", value)) => place.years = two(value),
                Some(("v", value)) if value.chars().all(|c| c.is_ascii_lowercase() || c == '-') => {
                    place.view = value.to_owned();
                }
                _ => {}
            }
        }
        place
    }
}

#[cfg(test)]
mod tests {
    use super::Place;

    #[test]
    fn places_read_back_from_their_fragments() {
        let places = [
            Place { view: "structure".to_owned(), ..Place::default() },
            Place { report: Some(2), view: "lint".to_owned(), ..Place::default() },
            Place { report: Some(0), pair: Some((0, 4)), view: "compare".to_owned(), ..Place::default() },
            Place { report: Some(1), years: Some((1, 0)), view: "compare".to_owned(), ..Place::default() },
        ];
        for place in places {
            assert_eq!(Place::parse(&format!("#{}", place.fragment())), place);
        }
        assert_eq!(Place::parse("#r=3&v=lint").fragment(), "r=3&v=lint");
        assert_eq!(Place::parse("#r=0&p=x&v=<script>"), Place::default(), "nothing unreadable is kept");
    }
}
