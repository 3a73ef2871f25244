/**
 * The classes an actor is labeled as (KITTI type names for vehicles and people). The scene
 * assigns each track its class; the render passes and the exporters write it.
 */
export const LABEL_CLASSES = ['Car', 'Van', 'Truck', 'Bus', 'Motorcycle', 'Cyclist', 'Pedestrian', 'Animal', 'Object'] as const;
export type LabelClass = (typeof LABEL_CLASSES)[number];
