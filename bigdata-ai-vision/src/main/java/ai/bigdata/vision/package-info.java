/** Computer vision on bigdata-ai datasets: image readers, augmentation, CNN builders (to come; see the roadmap). */
package ai.bigdata.vision;
