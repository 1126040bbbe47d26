import { stopCanvasEvents } from '../../shapes/stopCanvasEvents.ts'
import { withAnswer, type Answers } from './ballotMath.ts'

const ANSWERS = [0, 1, 2, 3, 4, 5] as const
const meaning = [
  'Block: I cannot support it',
  'Strong concerns',
  'Concerns to discuss',
  'I can live with it',
  'Good, I support it',
  'Fully behind it',
]

/** My fist-of-five answer on one card (0..5); picking the same answer again takes it back. */
export function FistPicker(props: {
  cardId: string
  answers: Answers
  onChange: (next: Answers) => void
}) {
  const { cardId, answers, onChange } = props
  const mine = answers[cardId]
  return (
    <span
      className="cb-fist-picker"
      role="group"
      aria-label="My fist of five"
      {...stopCanvasEvents}
    >
      {ANSWERS.map((answer) => (
        <button
          key={answer}
          type="button"
          className="cb-fist-picker__button"
          data-testid={`fist-${answer}-${cardId}`}
          aria-pressed={mine === answer}
          title={`${answer}: ${meaning[answer]}`}
          onClick={() => onChange(withAnswer(answers, cardId, answer))}
        >
          {answer}
        </button>
      ))}
    </span>
  )
}
