// expect: How was your experience?
// expect: Very satisfied
// expect: Submit feedback
// libs: shadcn
import { useState } from "react"
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group"
import { Label } from "@/components/ui/label"
import { Textarea } from "@/components/ui/textarea"
import { Button } from "@/components/ui/button"
import { Card, CardContent, CardFooter, CardHeader, CardTitle, CardDescription } from "@/components/ui/card"

const OPTIONS = [
  { value: "5", label: "Very satisfied" },
  { value: "4", label: "Satisfied" },
  { value: "3", label: "Neutral" },
  { value: "2", label: "Dissatisfied" },
  { value: "1", label: "Very dissatisfied" },
] as const

type Score = (typeof OPTIONS)[number]["value"]

export default function FeedbackSurvey() {
  const [score, setScore] = useState<Score>("4")
  const [comment, setComment] = useState("")
  const [sent, setSent] = useState(false)

  if (sent) {
    return (
      <Card className="mx-auto max-w-md p-6 text-center">
        <p className="text-lg font-semibold">Thanks for your feedback!</p>
        <p className="text-sm text-muted-foreground">You rated us {score} out of 5.</p>
      </Card>
    )
  }

  return (
    <Card className="mx-auto max-w-md">
      <CardHeader>
        <CardTitle>How was your experience?</CardTitle>
        <CardDescription>Your answer helps us improve the product.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-5">
        <RadioGroup value={score} onValueChange={(v) => setScore(v as Score)} className="gap-3">
          {OPTIONS.map((option) => (
            <div key={option.value} className="flex items-center space-x-2">
              <RadioGroupItem value={option.value} id={`score-${option.value}`} />
              <Label htmlFor={`score-${option.value}`}>{option.label}</Label>
            </div>
          ))}
        </RadioGroup>
        <div className="space-y-2">
          <Label htmlFor="comment">Anything else?</Label>
          <Textarea
            id="comment"
            placeholder="Tell us what worked and what did not"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </div>
      </CardContent>
      <CardFooter className="justify-end">
        <Button onClick={() => setSent(true)}>Submit feedback</Button>
      </CardFooter>
    </Card>
  )
}
