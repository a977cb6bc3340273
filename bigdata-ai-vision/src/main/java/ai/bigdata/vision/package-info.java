/**
 * Computer vision on bigdata-ai datasets: the IDX reader and the embedded Fashion-MNIST sample, image
 * folders ({@link ai.bigdata.vision.ImageFolder}), per-channel normalisation
 * ({@link ai.bigdata.vision.ChannelNormalization}), seeded per-batch augmentation
 * ({@link ai.bigdata.vision.AugmentationPipeline}) and a contact sheet of misclassified images
 * ({@link ai.bigdata.vision.ContactSheet}). CNN builders, transfer learning, segmentation and detection
 * are to come.
 */
package ai.bigdata.vision;
