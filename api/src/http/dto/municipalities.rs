//! JSON shapes: municipalities and their districts.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::services::municipalities::{DistrictView, MunicipalityView};

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MunicipalityRequest {
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = r"^[^\x00-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x1F\x7F-\x9F]*$"
    )]
    pub name: String,
    /// The CBS code: `GM` and 4 digits (`GM0233`), either case; empty or absent for none.
    #[schema(pattern = r"^([Gg][Mm][0-9]{4})?$")]
    pub cbs_code: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DistrictRequest {
    #[schema(
        min_length = 1,
        max_length = 200,
        pattern = r"^[^\x00-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x1F\x7F-\x9F]*$"
    )]
    pub name: String,
    /// The CBS code: `WK` and 6 digits (`WK023301`), either case; empty or absent for none.
    #[schema(pattern = r"^([Ww][Kk][0-9]{6})?$")]
    pub cbs_code: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct MunicipalityListQuery {
    /// Only municipalities whose name contains this text (case-insensitive).
    #[param(max_length = 200, pattern = r"^[^\x00-\x1F\x7F-\x9F]*$")]
    pub name: Option<String>,
    /// Page number, from 1 (default 1).
    #[param(minimum = 1)]
    pub page: Option<i64>,
    /// Items per page, 1 to 100 (default 25).
    #[param(minimum = 1, maximum = 100)]
    pub page_size: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DistrictDto {
    pub id: Uuid,
    pub municipality_id: Uuid,
    pub name: String,
    pub cbs_code: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<DistrictView> for DistrictDto {
    fn from(d: DistrictView) -> Self {
        DistrictDto {
            id: d.id,
            municipality_id: d.municipality_id,
            name: d.name,
            cbs_code: d.cbs_code,
            created_at: d.created_at,
            updated_at: d.updated_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MunicipalityDto {
    pub id: Uuid,
    pub name: String,
    pub cbs_code: Option<String>,
    pub districts: Vec<DistrictDto>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<MunicipalityView> for MunicipalityDto {
    fn from(m: MunicipalityView) -> Self {
        MunicipalityDto {
            id: m.id,
            name: m.name,
            cbs_code: m.cbs_code,
            districts: m.districts.into_iter().map(DistrictDto::from).collect(),
            created_at: m.created_at,
            updated_at: m.updated_at,
        }
    }
}
