//! Pagination of lists: `page` (from 1) and `pageSize` (1 to 100, default 25).

use super::InvalidField;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    pub page: i64,
    pub page_size: i64,
}

pub const DEFAULT_PAGE_SIZE: i64 = 25;
pub const MAX_PAGE_SIZE: i64 = 100;

impl PageRequest {
    /// Every row at once, for work inside the platform (exports, imports), never from a request.
    pub const ALL: PageRequest = PageRequest {
        page: 1,
        page_size: i64::MAX,
    };

    pub fn parse(page: Option<i64>, page_size: Option<i64>) -> Result<Self, InvalidField> {
        let page = page.unwrap_or(1);
        let page_size = page_size.unwrap_or(DEFAULT_PAGE_SIZE);
        if page < 1 {
            return Err(InvalidField::new("page", "moet 1 of hoger zijn"));
        }
        if !(1..=MAX_PAGE_SIZE).contains(&page_size) {
            return Err(InvalidField::new(
                "pageSize",
                format!("moet tussen 1 en {MAX_PAGE_SIZE} liggen"),
            ));
        }
        Ok(PageRequest { page, page_size })
    }

    pub fn offset(&self) -> i64 {
        (self.page - 1).saturating_mul(self.page_size)
    }
}

/// One page of a list, with the total over all pages.
#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub page: i64,
    pub page_size: i64,
    pub total: i64,
}

impl<T> Page<T> {
    pub fn new(items: Vec<T>, total: i64, request: PageRequest) -> Self {
        Page {
            items,
            page: request.page,
            page_size: request.page_size,
            total,
        }
    }

    /// The same page with each item turned into something else.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            page: self.page,
            page_size: self.page_size,
            total: self.total,
        }
    }

    /// The same page with all items turned into others at once (e.g. loaded in one batch).
    pub fn try_map_all<U, E>(
        self,
        f: impl FnOnce(Vec<T>) -> Result<Vec<U>, E>,
    ) -> Result<Page<U>, E> {
        Ok(Page {
            items: f(self.items)?,
            page: self.page,
            page_size: self.page_size,
            total: self.total,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_bounds() {
        assert_eq!(
            PageRequest::parse(None, None),
            Ok(PageRequest {
                page: 1,
                page_size: 25
            })
        );
        assert_eq!(
            PageRequest::parse(Some(3), Some(10)).map(|p| p.offset()),
            Ok(20)
        );
        assert!(PageRequest::parse(Some(0), None).is_err());
        assert!(PageRequest::parse(None, Some(0)).is_err());
        assert!(PageRequest::parse(None, Some(101)).is_err());
        assert_eq!(
            PageRequest::parse(Some(i64::MAX), Some(100)).map(|p| p.offset()),
            Ok(i64::MAX)
        );
    }
}
