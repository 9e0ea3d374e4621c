/** Live-to-review bridge: quiz answers update the student's FSRS schedule (docs/bridge.md). */
export { recordQuizAnswer, type QuizAnswerInput, type QuizAnswerOutcome } from './record-quiz-answer';
export { planBridgeUpdate, ratingForAnswer, bridgeClientId, BRIDGE_SOURCES, type BridgeSource, type BridgePlan } from '@/core/bridge/plan';
