// Names for the API's schemas, so features say `Priority` instead of a long path.
import type { components } from './schema';

type S = components['schemas'];
export type Plan = S['PlanDto'];
export type PlanRequest = S['PlanRequest'];
export type Priority = S['PriorityDto'];
export type PriorityRequest = S['PriorityRequest'];
export type PriorityReview = S['PriorityReviewDto'];
export type Action = S['ActionDto'];
export type ActionRequest = S['ActionRequest'];
export type Indicator = S['IndicatorDto'];
export type IndicatorArea = S['IndicatorAreaDto'];
export type IndicatorRequest = S['IndicatorRequest'];
export type AreaTargetRequest = S['AreaTargetRequest'];
export type Measurement = S['MeasurementDto'];
export type MeasurementDetail = S['MeasurementDetailDto'];
export type MeasurementRequest = S['MeasurementRequest'];
export type ImportReport = S['ImportReportDto'];
export type Municipality = S['MunicipalityDto'];
export type Commitment = S['CommitmentDto'];
export type ExpertGroup = S['ExpertGroupDto'];
