// expect: Create an account
// expect: Password must be at least 8 characters
// expect: Already have an account?
// libs: shadcn, lucide
import { useMemo, useState, type FormEvent } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { CheckCircle2 } from "lucide-react";

interface FormState {
  name: string;
  email: string;
  password: string;
}

type Errors = Partial<Record<keyof FormState, string>>;

function validate(values: FormState): Errors {
  const errors: Errors = {};
  if (!values.name.trim()) errors.name = "Name is required";
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) errors.email = "Enter a valid email address";
  if (values.password.length < 8) errors.password = "Password must be at least 8 characters";
  return errors;
}

export default function SignupForm() {
  const [values, setValues] = useState<FormState>({ name: "Sam", email: "sam@example.com", password: "abc" });
  const [done, setDone] = useState(false);
  const errors = useMemo(() => validate(values), [values]);
  const valid = Object.keys(errors).length === 0;

  const field = (key: keyof FormState) => ({
    id: key,
    value: values[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setValues({ ...values, [key]: e.target.value }),
    "aria-invalid": Boolean(errors[key]),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (valid) setDone(true);
  };

  return (
    <Card className="mx-auto max-w-md">
      <CardHeader>
        <CardTitle className="text-2xl">Create an account</CardTitle>
      </CardHeader>
      <form onSubmit={submit} noValidate>
        <CardContent className="space-y-4">
          {done && (
            <Alert>
              <CheckCircle2 className="h-4 w-4" />
              <AlertTitle>Account created</AlertTitle>
              <AlertDescription>Check your inbox to confirm {values.email}.</AlertDescription>
            </Alert>
          )}
          {(["name", "email", "password"] as const).map((key) => (
            <div key={key} className="space-y-1.5">
              <Label htmlFor={key} className="capitalize">{key}</Label>
              <Input type={key === "password" ? "password" : "text"} {...field(key)} />
              {errors[key] && <p className="text-sm text-destructive">{errors[key]}</p>}
            </div>
          ))}
        </CardContent>
        <CardFooter className="flex flex-col gap-3">
          <Button type="submit" className="w-full" disabled={!valid}>
            Sign up
          </Button>
          <p className="text-sm text-muted-foreground">
            Already have an account? <a className="underline" href="#">Log in</a>
          </p>
        </CardFooter>
      </form>
    </Card>
  );
}
