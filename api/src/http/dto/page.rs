//! JSON shapes: pages and lists of every collection.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::domain::InvalidField;
use crate::domain::page::{Page, PageRequest};

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PageDto<T> {
    pub items: Vec<T>,
    pub page: i64,
    pub page_size: i64,
    pub total: i64,
}

impl<T> PageDto<T> {
    pub fn map<R>(page: Page<R>, f: impl FnMut(R) -> T) -> Self {
        let page = page.map(f);
        PageDto {
            items: page.items,
            page: page.page,
            page_size: page.page_size,
            total: page.total,
        }
    }
}

/// A whole (unpaginated) list.
#[derive(Debug, Serialize, ToSchema)]
pub struct ListDto<T> {
    pub items: Vec<T>,
}

/// `?page=&pageSize=` of every list.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Page number, from 1 (default 1).
    #[param(minimum = 1)]
    pub page: Option<i64>,
    /// Items per page, 1 to 100 (default 25).
    #[param(minimum = 1, maximum = 100)]
    pub page_size: Option<i64>,
}

impl PageQuery {
    pub fn parse(&self) -> Result<PageRequest, InvalidField> {
        PageRequest::parse(self.page, self.page_size)
    }
}
